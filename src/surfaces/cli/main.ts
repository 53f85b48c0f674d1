export async function runCli(a: string[]): Promise<number> { console.log("hi", a, process.version); return 0; }

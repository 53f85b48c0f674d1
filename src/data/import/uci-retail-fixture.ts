// A small file in the UCI Online Retail layout (InvoiceNo, StockCode, Description, Quantity,
// InvoiceDate as M/D/YYYY H:mm, UnitPrice, CustomerID, Country) for the import and segment tests:
// several lines per invoice, C-invoices (cancellations), a return, rows on the edges of the
// 30/90/365-day windows before AS_OF, hostile text, and four bad rows. The counts the tests expect
// are worked out by hand below.
export const UCI_AS_OF = '2011-12-10'; // midnight UTC: 30 days back is 11/10/2011 0:00, 90 days 9/11/2011 0:00, 365 days 12/10/2010 0:00

export const UCI_RETAIL_ROWS: readonly string[] = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '541431,23166,MEDIUM CERAMIC TOP STORAGE JAR,74215,1/18/2011 10:01,1.04,12346,United Kingdom', // line 2: 77183.60
  'C541433,23166,MEDIUM CERAMIC TOP STORAGE JAR,-74215,1/18/2011 10:17,1.04,12346,United Kingdom', // cancellation
  '537626,85116,BLACK CANDELABRA T-LIGHT HOLDER,12,12/7/2010 14:57,2.1,12347,Iceland', // before the 365 days
  '581180,20719,WOODLAND CHARLOTTE BAG,10,12/7/2011 15:52,0.85,12347,Iceland',
  '581180,21265,PINK GOOSE FEATHER TREE 60CM,12,12/7/2011 15:52,1.95,12347,Iceland',
  '581180,23271,CHRISTMAS TABLE SILVER CANDLE SPIKE,16,12/7/2011 15:52,0.83,12347,Iceland', // 581180: 45.18
  '573511,22375,AIRLINE BAG VINTAGE JET SET BROWN,4,10/31/2011 12:25,4.25,12347,Iceland',
  '573511,22698,PINK REGENCY TEACUP AND SAUCER,12,10/31/2011 12:25,2.95,12347,Iceland', // 52.40
  '562032,22131,FOOD CONTAINER SET 3 LOVE HEART,6,8/2/2011 8:48,1.95,12347,Iceland',
  '562032,22492,"MINI PAINT SET, VINTAGE",36,8/2/2011 8:48,0.65,12347,Iceland', // 35.10; 12347: 132.68 in 365 days
  '568172,23077,DOUGHNUT LIP GLOSS,60,9/25/2011 13:13,1.25,12348,Finland',
  '548955,84992,72 SWEETHEART FAIRY CAKE CASES,24,4/5/2011 10:47,0.55,12348,Finland', // 12348: 88.20
  '577609,23112,PARISIENNE CURIO CABINET,2,11/21/2011 9:51,7.5,12349,Italy',
  '577609,23460,SWEETHEART WALL TIDY,2,11/21/2011 9:51,9.95,12349,Italy', // 12349: 34.90
  '578000,23112,PARISIENNE CURIO CABINET,-2,11/25/2011 10:00,7.5,12349,Italy', // a return
  '543037,21908,CHOCOLATE THIS WAY METAL SIGN,12,2/2/2011 16:01,2.1,12350,Norway',
  '543037,POST,POSTAGE,1,2/2/2011 16:01,40,12350,Norway', // 12350: 65.20
  '574275,22645,CERAMIC HEART FAIRY CAKE MONEY BANK,12,11/3/2011 14:37,1.45,12352,Norway', // 17.40
  'C580750,22645,CERAMIC HEART FAIRY CAKE MONEY BANK,-12,12/1/2011 11:20,1.45,12352,Norway', // cancelled, inside 30 days
  '576000,37446,MINI CAKE STAND WITH HANGING CAKES,8,11/10/2011 0:00,1.45,12353,Bahrain', // exactly 30 days before: outside
  '576001,22423,REGENCY CAKESTAND 3 TIER,1,11/10/2011 0:01,12.75,12354,Spain', // one minute later: inside
  '567000,22693,GROW A FLYTRAP OR SUNFLOWER IN TIN,24,9/11/2011 0:00,1.25,12355,Bahrain', // exactly 90 days before: outside
  '581587,22613,PACK OF 20 SPACEBOY NAPKINS,12,12/9/2011 12:50,0.85,12356,Portugal',
  "581587,22899,CHILDREN'S APRON DOLLY GIRL,6,12/9/2011 12:50,2.1,12356,Portugal",
  `538000,22556,"PLASTERS IN TIN '); DROP TABLE orders; --",12,12/10/2010 9:00,1.65,12356,Portugal`, // inside 365 days; 12356: 42.60
  '536500,21755,LOVE BUILDING BLOCK WORD,3,12/5/2010 10:00,5.95,12357,Switzerland', // only before the 365 days
  '536414,22139,,56,12/1/2010 11:52,0,,United Kingdom', // line 28: bad, no CustomerID
  'A563185,B,Adjust bad debt,1,8/12/2011 14:50,-11062.06,12350,United Kingdom', // line 29: bad, negative UnitPrice
  '581181,20719,WOODLAND CHARLOTTE BAG,ten,12/7/2011 15:55,0.85,12347,Iceland', // line 30: bad Quantity
  "564000,84879,ASSORTED COLOUR BIRD ORNAMENT,8,8/25/2011 10:00,1.69,12358,Austria",
  "564000,22086,PAPER CHAIN KIT 50'S CHRISTMAS,4,8/25/2011 10:00,2.95,12358,Austria", // 12358: 25.32
  '579000,23084,RABBIT NIGHT LIGHT,12,11/30/2011 10:00,1.79,12359,Cyprus',
  '579000,22728,ALARM CLOCK BAKELIKE PINK,4,11/30/2011 10:00,3.75,12359,Cyprus',
  '555000,22727,ALARM CLOCK BAKELIKE RED,4,6/1/2011 10:00,3.75,12359,Cyprus', // 12359: 51.48
  '550000,21731,RED TOADSTOOL LED NIGHT LIGHT,24,5/5/2011 10:00,1.65,12360,Austria', // 39.60
  'C580000,21731,RED TOADSTOOL LED NIGHT LIGHT,-24,12/2/2011 10:00,1.65,12360,Austria', // cancelled
  '570000,22961,JAM MAKING SET PRINTED,6,10/15/2011 10:00,1.45,12361,Belgium',
  '570000,22960,JAM MAKING SET WITH JARS,2,10/15/2011 10:00,4.25,12361,Belgium', // 12361: 17.20
  '581182,22960,JAM MAKING SET WITH JARS,1,31/12/2011 10:00,4.25,12361,Belgium', // line 40: bad InvoiceDate (day first)
];

/** The four bad rows, as the import reports them. */
export const UCI_BAD_ROWS = [
  { line: 28, column: 'CustomerID', message: 'is empty' },
  { line: 29, column: 'UnitPrice', message: '-11062.06 is negative' },
  { line: 30, column: 'Quantity', message: '"ten" is not a whole number' },
  { line: 40, column: 'InvoiceDate', message: '"31/12/2011 10:00" is not a date-time in the format M/D/YYYY [H:mm[:ss]] (set another with --date-format)' },
];

/** 39 data rows, 4 bad: 35 lines in 25 invoices (3 cancelled, 1 returned) of 15 customers. */
export const UCI_TOTALS = { rows: 39, imported: 35, orders: 25, customers: 15, cancelled: 3, returned: 1 };

/**
 * Answers as of UCI_AS_OF, on completed orders only:
 * - bought in the last 30 days: 12347, 12349, 12354, 12356, 12359 (not 12353 exactly 30 days before,
 *   not 12352 or 12360 whose orders there were cancelled) = 5;
 * - top 20% by 12-month spend: 14 buyers, so the top 2.8 → 12346 (77183.60), 12347 (132.68) = 2;
 * - haven't bought in 90 days (but did in the last 12 months): 12346, 12350, 12355 (exactly 90 days
 *   before), 12358, 12360 = 5.
 */
export const UCI_ANSWERS = {
  boughtLast30Days: ['12347', '12349', '12354', '12356', '12359'],
  top20PercentBySpend: ['12346', '12347'],
  lapsed90Days: ['12346', '12350', '12355', '12358', '12360'],
  /**
   * RFM quintile scores (score = 1 + floor(5 × buyers with a lower value / buyers)) among the 14
   * buyers of the 365 days before UCI_AS_OF (everyone but 12357):
   * - recency, last completed order ascending: 12346, 12350, 12360, 12358, 12355, 12348, 12361,
   *   12352, 12353 (11/10 0:00), 12354 (11/10 0:01), 12349, 12359, 12347, 12356; 9 to 11 buyers
   *   below score 4, 12 or 13 score 5, so R 4-5 = the last five;
   * - monetary ascending: 12353 11.60, 12354 12.75, 12361 17.20, 12352 17.40, 12358 25.32,
   *   12355 30.00, 12349 34.90, 12360 39.60, 12356 42.60, 12359 51.48, 12350 65.20, 12348 88.20,
   *   12347 132.68, 12346 77183.60, so M 4-5 = the last five;
   * - frequency: the ten buyers with one order have nobody below them (score 1); 12348, 12356 and
   *   12359 with two have ten below (1 + floor(50 / 14) = 4); 12347 with three has 13 below (5).
   */
  rfmRecent: ['12347', '12349', '12354', '12356', '12359'],
  rfmRecentAndValuable: ['12347', '12359'],
  rfmFrequent: ['12347', '12348', '12356', '12359'],
};

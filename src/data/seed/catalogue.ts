// The demo product catalogue: about 120 products over the demo categories, named in Chinese and
// English, priced in CNY with a cost that leaves a 20-60% margin. The same for every seed.
import { DEMO_CATEGORIES, type DemoCategory } from '../../domain/demo-categories.ts';
import type { Locale } from '../../domain/vocabulary.ts';
import { createRandom } from './random.ts';

export { DEMO_CATEGORIES, type DemoCategory };

export const CATEGORY_LABELS: Readonly<Record<DemoCategory, Record<Locale, string>>> = {
  baby: { en: 'baby products', zh: '母婴' },
  kids_education: { en: 'kids education', zh: '儿童教育' },
  beauty: { en: 'beauty', zh: '美妆' },
  fashion: { en: 'fashion', zh: '服饰' },
  electronics: { en: 'electronics', zh: '数码' },
  phone_accessories: { en: 'phone accessories', zh: '手机配件' },
  home: { en: 'home', zh: '家居' },
  grocery: { en: 'grocery', zh: '食品' },
  sports: { en: 'sports', zh: '运动户外' },
  books: { en: 'books', zh: '图书' },
  alcohol: { en: 'wine & spirits', zh: '酒水' },
};

/** Products whose purchase leads to another: phone -> phone case -> screen protector. */
export type ProductKind = 'phone' | 'phone_case' | 'screen_protector';

export interface Product {
  id: string;
  /** Chinese and English: "婴儿纸尿裤 Baby Diapers L 52pcs". */
  name: string;
  category: DemoCategory;
  price: number;
  cost: number;
  currency: 'CNY';
  kind: ProductKind | null;
}

type Entry = readonly [zh: string, en: string, price: number, kind?: ProductKind];

const ENTRIES: Readonly<Record<DemoCategory, readonly Entry[]>> = {
  baby: [
    ['婴儿纸尿裤 L码 52片', 'Baby Diapers L 52pcs', 139], ['婴儿湿巾 6包', 'Baby Wipes 6-pack', 49.9],
    ['婴幼儿配方奶粉 3段 800g', 'Infant Formula Stage 3 800g', 268], ['轻便折叠婴儿推车', 'Foldable Baby Stroller', 1299],
    ['儿童安全座椅', 'Child Car Seat', 1599], ['宽口径奶瓶 240ml', 'Wide-neck Baby Bottle 240ml', 89],
    ['纯棉婴儿连体衣 三件装', 'Cotton Baby Bodysuits 3-pack', 119], ['婴儿洗发沐浴露', 'Baby Shampoo & Body Wash', 59],
    ['硅胶牙胶', 'Silicone Teether', 39], ['婴儿辅食米粉', 'Baby Rice Cereal', 45], ['婴儿背带', 'Baby Carrier', 399],
  ],
  kids_education: [
    ['儿童绘本 10册', 'Picture Book Set 10 books', 128], ['英语启蒙点读笔', 'English Reading Pen', 399],
    ['儿童编程机器人', 'Coding Robot for Kids', 699], ['益智拼图 100片', 'Educational Puzzle 100pcs', 59],
    ['数学思维练习册', 'Math Thinking Workbook', 39], ['科学实验套装', 'Science Experiment Kit', 169],
    ['儿童学习平板', 'Kids Learning Tablet', 1299], ['识字卡片', 'Chinese Character Flash Cards', 29.9],
    ['少儿百科全书', "Children's Encyclopedia", 198], ['益智积木 500粒', 'Building Blocks 500pcs', 259],
    ['在线英语课 12节', 'Online English Lessons 12 classes', 1880],
  ],
  beauty: [
    ['玻尿酸保湿精华 30ml', 'Hyaluronic Acid Serum 30ml', 259], ['防晒霜 SPF50', 'Sunscreen SPF50', 129],
    ['丝绒哑光口红', 'Velvet Matte Lipstick', 320], ['气垫粉底', 'Cushion Foundation', 389], ['卸妆油 200ml', 'Cleansing Oil 200ml', 169],
    ['补水面膜 10片', 'Hydrating Sheet Masks 10-pack', 99], ['眼霜 15ml', 'Eye Cream 15ml', 460], ['香水 50ml', 'Eau de Parfum 50ml', 780],
    ['氨基酸洗面奶', 'Amino Acid Facial Cleanser', 89], ['护手霜礼盒', 'Hand Cream Gift Set', 128], ['眼影盘', 'Eyeshadow Palette', 299],
  ],
  fashion: [
    ['纯棉T恤', 'Cotton T-shirt', 99], ['直筒牛仔裤', 'Straight Jeans', 299], ['碎花连衣裙', 'Floral Dress', 359],
    ['轻薄羽绒服', 'Light Down Jacket', 899], ['连帽卫衣', 'Hoodie', 259], ['真丝围巾', 'Silk Scarf', 399],
    ['帆布鞋', 'Canvas Sneakers', 229], ['羊毛大衣', 'Wool Coat', 1299], ['商务衬衫', 'Business Shirt', 269],
    ['托特包', 'Tote Bag', 459], ['棉袜 五双装', 'Cotton Socks 5-pack', 49],
  ],
  electronics: [
    ['智能手机 128GB', 'Smartphone 128GB', 3999, 'phone'], ['智能手机 Pro 256GB', 'Smartphone Pro 256GB', 6999, 'phone'],
    ['无线降噪耳机', 'Noise-cancelling Headphones', 1299], ['智能手表', 'Smartwatch', 1599], ['平板电脑 10英寸', '10-inch Tablet', 2499],
    ['蓝牙音箱', 'Bluetooth Speaker', 399], ['轻薄笔记本 14英寸', '14-inch Laptop', 5999], ['电子书阅读器', 'E-reader', 999],
    ['机械键盘', 'Mechanical Keyboard', 459], ['运动相机', 'Action Camera', 1999], ['家用投影仪', 'Home Projector', 2299],
  ],
  phone_accessories: [
    ['透明防摔手机壳', 'Clear Shockproof Phone Case', 49, 'phone_case'], ['液态硅胶手机壳', 'Silicone Phone Case', 69, 'phone_case'],
    ['真皮手机壳', 'Leather Phone Case', 129, 'phone_case'],
    ['钢化膜 两片装', 'Tempered Glass Screen Protector 2-pack', 39, 'screen_protector'],
    ['防窥钢化膜', 'Privacy Screen Protector', 59, 'screen_protector'], ['镜头保护膜', 'Camera Lens Protector', 29],
    ['20W快充充电器', '20W Fast Charger', 99], ['编织数据线 1米', 'Braided Charging Cable 1m', 39],
    ['无线充电板', 'Wireless Charging Pad', 129], ['充电宝 10000mAh', 'Power Bank 10000mAh', 149],
    ['车载手机支架', 'Car Phone Mount', 59], ['入门蓝牙耳机', 'Wireless Earbuds', 199],
  ],
  home: [
    ['床品四件套', 'Bedding Set 4 pieces', 399], ['乳胶枕', 'Latex Pillow', 259], ['不粘锅 28cm', 'Non-stick Pan 28cm', 199],
    ['空气炸锅', 'Air Fryer', 499], ['扫地机器人', 'Robot Vacuum', 1899], ['香薰蜡烛', 'Scented Candle', 89],
    ['收纳箱 三件套', 'Storage Boxes 3-pack', 79], ['纯棉毛巾 四条装', 'Cotton Towels 4-pack', 69], ['电热水壶', 'Electric Kettle', 149],
    ['陶瓷餐具套装', 'Ceramic Dinnerware Set', 299], ['加湿器', 'Humidifier', 229],
  ],
  grocery: [
    ['有机大米 5kg', 'Organic Rice 5kg', 79], ['每日坚果 30包', 'Daily Mixed Nuts 30 packs', 139], ['进口纯牛奶 1L×12', 'Imported Milk 1L x12', 119],
    ['挂耳咖啡 20包', 'Drip Coffee 20 bags', 89], ['特级初榨橄榄油 1L', 'Extra Virgin Olive Oil 1L', 98], ['龙井绿茶 250g', 'Longjing Green Tea 250g', 168],
    ['方便面 五连包', 'Instant Noodles 5-pack', 25], ['零食大礼包', 'Snack Gift Box', 99], ['土蜂蜜 500g', 'Honey 500g', 69],
    ['散养鸡蛋 30枚', 'Free-range Eggs 30', 58], ['矿泉水 24瓶', 'Mineral Water 24 bottles', 45],
  ],
  sports: [
    ['瑜伽垫', 'Yoga Mat', 129], ['跑步鞋', 'Running Shoes', 699], ['哑铃 一对', 'Dumbbells Pair', 199], ['运动水壶', 'Sports Bottle', 79],
    ['健身服套装', 'Workout Set', 299], ['羽毛球拍', 'Badminton Racket', 259], ['登山背包', 'Hiking Backpack', 459],
    ['计数跳绳', 'Counting Jump Rope', 39], ['瑜伽砖', 'Yoga Block', 35], ['双人帐篷', '2-person Tent', 599], ['骑行头盔', 'Cycling Helmet', 329],
  ],
  books: [
    ['三体 全集', 'The Three-Body Problem Trilogy', 168], ['人类简史', 'Sapiens', 68], ['畅销小说', 'Bestselling Novel', 49],
    ['Python编程 从入门到实践', 'Python Crash Course', 89], ['经济学原理', 'Principles of Economics', 128], ['家常菜谱', 'Home Cooking Cookbook', 79],
    ['旅行指南', 'Travel Guide', 69], ['心理学入门', 'Introduction to Psychology', 59], ['漫画全套', 'Manga Box Set', 299],
    ['英语词汇书', 'English Vocabulary Builder', 45], ['世界史通识', 'A Short World History', 88],
  ],
  alcohol: [
    ['波尔多红酒', 'Bordeaux Red Wine', 268], ['长相思白葡萄酒', 'Sauvignon Blanc', 198], ['精酿啤酒 12瓶', 'Craft Beer 12 bottles', 159],
    ['单一麦芽威士忌', 'Single Malt Whisky', 699], ['53度白酒 500ml', 'Baijiu 53% 500ml', 1499], ['香槟', 'Champagne', 499],
    ['清酒 720ml', 'Sake 720ml', 239], ['绍兴黄酒', 'Shaoxing Rice Wine', 89], ['梅子酒', 'Plum Wine', 129], ['金酒', 'Gin', 329],
    ['预调鸡尾酒 6罐', 'Canned Cocktails 6-pack', 69],
  ],
};

/** Gross margin range per category (share of the price left after cost). */
const MARGIN_RANGE: Readonly<Record<DemoCategory, readonly [number, number]>> = {
  baby: [0.25, 0.35],
  kids_education: [0.4, 0.55],
  beauty: [0.5, 0.6],
  fashion: [0.45, 0.6],
  electronics: [0.2, 0.28],
  phone_accessories: [0.5, 0.6],
  home: [0.35, 0.5],
  grocery: [0.2, 0.3],
  sports: [0.35, 0.5],
  books: [0.25, 0.4],
  alcohol: [0.3, 0.5],
};

function buildCatalogue(): Product[] {
  const products: Product[] = [];
  DEMO_CATEGORIES.forEach((category, categoryIndex) => {
    ENTRIES[category].forEach(([zh, en, price, kind], index) => {
      const [low, high] = MARGIN_RANGE[category];
      const margin = low + (high - low) * createRandom(2024, categoryIndex, index).next();
      products.push({
        id: `sku-${category.replace('_', '-')}-${String(index + 1).padStart(2, '0')}`,
        name: `${zh} ${en}`,
        category,
        price,
        cost: Math.round(price * (1 - margin) * 100) / 100,
        currency: 'CNY',
        kind: kind ?? null,
      });
    });
  });
  return products;
}

export const CATALOGUE: readonly Product[] = buildCatalogue();

export const PRODUCTS_BY_CATEGORY = Object.fromEntries(
  DEMO_CATEGORIES.map((category) => [category, CATALOGUE.filter((product) => product.category === category)]),
) as unknown as Readonly<Record<DemoCategory, readonly Product[]>>;

export function productsOfKind(kind: ProductKind): readonly Product[] {
  return CATALOGUE.filter((product) => product.kind === kind);
}

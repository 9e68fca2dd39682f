// Crawl text: typed bullet lists and sentences cut by <br> line breaks (self-written records).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../../src/extract/index.js';

const menu = ['Home', 'News', 'Sport', 'Weather', 'About', 'Contact'].join('\n\n');

test('a list of typed-bullet lines is the article, not a menu', () => {
  const items = [
    '+ Added granite, andesite and diorite stone blocks',
    '+ Added slime block',
    '+ Added iron trapdoor',
    '+ Added prismarine and sea lantern blocks',
    '+ Villagers will harvest crops and plant new ones',
    '* Difficulty setting is saved per world, and can be locked',
    '* Enchanting has been redone and now costs lapis',
    '* Tweaked the debug screen',
  ];
  const text = `Game News\n\n${menu}\n\nVersion 1.8 - The Big Update\n\n${items.join('\n')}\n\nOlder posts\n\n${menu}\n`;
  const a = extract(text, { kind: 'text' });
  for (const it of items) assert.ok(a.text.includes(it), `missing ${it}`);
  assert.ok(!a.text.includes('Weather'));
});

test('sentences cut across blank lines by <br>s are joined back, headlines are not', () => {
  const text = [
    'Weekly Notes',
    menu,
    'Lorem ipsum dolor sit amet, consectetur adipisicing elit, sed do eiusmod',
    'tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam,',
    'quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo',
    'consequat. Duis aute irure dolor in reprehenderit in voluptate velit esse.',
    'Harbour seals return to the northern estuary after forty years',
    'von Anna Schmidt',
    'A colony of harbour seals has settled on the sandbanks, the survey team said on Monday. The animals were counted from a boat and from the air.',
  ].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('sed do eiusmod tempor incididunt'), a.text);
  assert.ok(a.text.includes('veniam, quis nostrud'));
  assert.ok(!a.text.includes('forty years von Anna'));
});

const para = (topic: string) => `The committee met again on Thursday to discuss ${topic}, and members said the plan would be published in full next month after a final review by the city's lawyers.`;

test('typed numbered sequences (1., 2., 3.) stay in the article', () => {
  const text = ['Where life is best', menu, para('the ranking'), '1. Finland', '2. Norway', '3. Australia', '4. Canada', para('the method'), para('the results')].join('\n\n');
  const a = extract(text, { kind: 'text' });
  for (const c of ['1. Finland', '2. Norway', '3. Australia', '4. Canada']) assert.ok(a.text.includes(c), `missing ${c}`);
});

test('a ticker after the article (time stamp, entry, time stamp, …) is not body', () => {
  const ticker: string[] = [];
  for (let h = 14; h >= 10; h--) ticker.push(`${h}:44`, `Other story number ${h} made the news today`, `A short summary of other story ${h}, which has nothing to do with the article above at all.`);
  const text = ['Floods in the north', menu, para('the floods'), para('the damage'), para('the insurance claims'), 'Live', ...ticker].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('the insurance claims'));
  assert.ok(!a.text.includes('Other story'), a.text);
});

test('a page that is only a live blog keeps its entries', () => {
  const entries: string[] = [];
  for (let h = 23; h >= 10; h--) entries.push(`${h}:05`, para(`item ${h} of the live coverage`) + ' ' + para(`the follow-up on item ${h}`));
  const a = extract(['Live: the election night', menu, ...entries].join('\n\n'), { kind: 'text' });
  assert.ok(a.text.includes('item 23 of the live coverage') && a.text.includes('item 11 of the live coverage'), a.text.slice(0, 200));
});

test('Chinese blog text written one clause per line without stops is prose', () => {
  const clauses = [
    '今天早上我们从台北出发 一路上都是细雨纷飞的天气',
    '到了山上以后雨终于停了 远处的山头还挂着一层薄雾',
    '营地的主人很热情地招呼我们 还帮忙把车子停到树下',
    '这里的枫叶已经开始变红了 每一棵树的颜色都不太一样',
    '下午我们沿着小路走到吊桥 桥下的溪水比上次来时更多',
    '晚餐大家一起准备了火锅 还有朋友从南部带来的好酒',
    '夜里气温很低但没有风 躺在车上可以听到远处的虫鸣',
    '第二天一早阳光终于露脸 蓝天下的枫树林显得特别明亮',
    '收拾好装备准备离开时 大家都说明年还要再来这里露营',
  ];
  const body: string[] = [];
  clauses.forEach((c, i) => body.push(c, `IMG_${4000 + i}.jpg`));
  const text = ['史蒂文的家', '首页', '相簿', '留言', '名片', '新竹尖石 美树营地赏枫', ...body, '相关文章', '热门评论'].join('\n\n');
  const a = extract(text, { kind: 'text' });
  for (const c of clauses) assert.ok(a.text.includes(c), `missing ${c}`);
  assert.ok(!a.text.includes('IMG_'));
});

test('teaser cards printed twice ("Headline Headline") are furniture', () => {
  const text = ['Floods in the north', menu, para('the floods'), para('the damage'), para('the insurance claims'),
    'Why the river rose so fast Why the river rose so fast', 'Ten years of dikes Ten years of dikes'].join('\n\n');
  const a = extract(text, { kind: 'text' });
  assert.ok(a.text.includes('the insurance claims'));
  assert.ok(!a.text.includes('Why the river rose'), a.text);
});

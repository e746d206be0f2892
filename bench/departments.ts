/**
 * A synthetic registry of reporting departments for the benchmark archive:
 * the sample's own departments first, then streets, towns, communities,
 * villages and district offices, every slug distinct.
 */
import { departmentSlug } from '../src/departments/department-slug.ts';
import type { Department } from '../src/model/schema.ts';
import type { Random } from './random.ts';

const roads = [
  '汝南路', '淮阳路', '登封路', '金华路', '航海路', '长安路', '通航路', '鑫苑路', '科学路', '建设路',
  '紫荆路', '丹江路', '明珠路', '龙城路', '上海路', '北京路', '东风路', '振兴路', '兴华路', '文化路',
  '学府路', '桐柏路', '洛宁路', '嵩山路', '许昌路', '安阳路', '红旗路', '人民路', '解放路', '太行路',
  '黄河路', '秦岭路', '铝城路', '峡窝路', '聚源路', '天润路', '朝阳路', '和平路', '友谊路', '幸福路',
  '五云山路', '方顶路', '金屏路', '泰山路', '华山路', '衡山路', '恒山路', '洛阳路', '开封路', '商丘路',
];
const towns = ['峡窝镇', '方顶镇', '马固镇', '五云山镇'];
const villages = [
  '马固村', '南王村', '柿园村', '三李村', '方顶村', '安庄村', '后真村', '上街村', '峡窝村', '冯沟村',
  '北林村', '东林村', '西林村', '大坡村', '小坡村', '张河村', '刘河村', '王庄村', '李庄村', '赵庄村',
  '五云村', '石嘴村', '寺沟村', '柳沟村', '桃园村', '杏园村', '梨园村', '枣园村', '河王村', '葛沟村',
];
const offices = [
  '区发展改革委', '区财政局', '区教育局', '区民政局', '区人力资源和社会保障局', '区住房和城乡建设局',
  '区交通运输局', '区水利局', '区文化广电和旅游局', '区卫生健康委', '区应急管理局', '区审计局',
  '区市场监督管理局', '区城市管理局', '区司法局', '区科技工业和信息化局', '区商务局', '区信访局',
  '区医疗保障局', '区退役军人事务局', '区自然资源和规划局', '区大数据管理局', '区政务服务中心',
  '区机关事务服务中心', '区融媒体中心', '区档案馆', '区图书馆', '区总工会', '区妇联', '区科协', '区残联',
  '区工商联', '区红十字会', '团区委', '区委宣传部', '区委组织部', '区委统战部', '区委政法委', '区纪委监委',
  '区人大办', '区政协办', '区政府办', '区委办公室', '区委编办', '区委党校', '区委巡察办', '区法院',
  '市公安局上街分局', '区消防救援大队', '区税务局', '区住房保障中心', '区疾控中心', '区人民医院', '区中医院',
  '区妇幼保健院', '区第一中学', '区实验小学', '区园林绿化中心', '区环卫中心', '区供水公司', '区热力公司',
  '区投资集团', '区城建集团', '区产业园区管委会', '通航试验区管委会', '区物流园区管委会', '区粮食和物资储备局',
  '区林业局', '区气象局', '区供销社',
];

/**
 * `count` departments (at least the sample's): the sample's as they are, then
 * generated ones in a seeded order. A candidate whose slug (pinyin) or name
 * would collide with one already taken is skipped, so the registry always
 * passes the check. Some district offices get their short name as an alias.
 */
export function generateDepartments(sample: readonly Department[], count: number, random: Random): Department[] {
  const departments: Department[] = [...sample];
  const slugs = new Set(sample.map((department) => department.slug));
  const names = new Set(sample.flatMap((department) => [department.name, ...department.aliases]));
  const candidates = random.shuffle([
    ...roads.slice(0, 14).map((road) => `${road}街道`),
    ...towns,
    ...roads.map((road) => `${road}社区`),
    ...villages,
    ...offices,
    // Communities of the older estates, named after roads with a direction.
    ...roads.flatMap((road) => ['东', '西', '南', '北'].map((side) => `${road.replace(/路$/, '')}${side}路社区`)),
  ]);
  for (const name of candidates) {
    if (departments.length >= count) break;
    const slug = departmentSlug(name);
    if (slug === '' || slugs.has(slug) || names.has(name)) continue;
    // 区财政局 is also written 财政局; 区委… offices have no such short form.
    const short = name.startsWith('区') && !name.startsWith('区委') ? name.slice(1) : '';
    const aliases = short.length >= 3 && !names.has(short) && random.next() < 0.3 ? [short] : [];
    slugs.add(slug);
    for (const taken of [name, ...aliases]) names.add(taken);
    departments.push({ name, slug, aliases });
  }
  if (departments.length < count) {
    throw new Error(`Only ${departments.length} distinct departments can be generated, not ${count}`);
  }
  return departments;
}

/** Writes departments as departments.yml: explicit slugs only where the sample had them. */
export function toDepartmentsYaml(departments: readonly Department[], sample: readonly Department[]): string {
  const sampleSlugs = new Map(sample.map((department) => [department.name, department.slug]));
  const lines = ['# Synthetic reporting departments of the benchmark archive (bench/generate-archive.ts).'];
  for (const department of departments) {
    lines.push(`- name: ${department.name}`);
    const slug = sampleSlugs.get(department.name);
    if (slug !== undefined && slug !== departmentSlug(department.name)) lines.push(`  slug: ${slug}`);
    if (department.aliases.length > 0) lines.push(`  aliases: [${department.aliases.join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

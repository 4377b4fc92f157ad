import { EntityManager } from 'typeorm';
import { ApplicationChannel, PackageKind, TagPackageRole, TrafficMode } from '../../domain/catalog/catalog.enums';
import { PackageEntity, TagEntity, TagPackageEntity } from '../entities';

/**
 * Seed 01: the tag and package catalog of DOMAIN §2.1 and §2.4. Codes are the fixed ids.
 * Idempotent: rows that exist are left as they are, so operator edits survive a re-seed.
 */
type PackageSeed = Omit<PackageEntity, 'updatedAt'>;
type TagSeed = Omit<TagEntity, 'updatedAt'> & { defaults: string[]; applicable: string[] };

const traffic = (code: string, name: string, dailyQuota: number): PackageSeed => ({
  code,
  name,
  kind: PackageKind.TRAFFIC,
  dailyQuota,
  applicationChannel: ApplicationChannel.ONLINE,
  contactEmail: null,
  requiredMaterials: null,
  requiredFunction: null,
});

export const SEED_PACKAGES: PackageSeed[] = [
  traffic('TRAFFIC_100K', 'Traffic package 100,000 calls/day', 100_000),
  traffic('TRAFFIC_500K', 'Traffic package 500,000 calls/day', 500_000),
  traffic('TRAFFIC_1M', 'Traffic package 1,000,000 calls/day', 1_000_000),
  traffic('TRAFFIC_2M', 'Traffic package 2,000,000 calls/day', 2_000_000),
  traffic('TRAFFIC_3M', 'Traffic package 3,000,000 calls/day', 3_000_000),
  traffic('TRAFFIC_4M', 'Traffic package 4,000,000 calls/day', 4_000_000),
  traffic('TRAFFIC_5M', 'Traffic package 5,000,000 calls/day', 5_000_000),
  {
    code: 'BASIC_OPENNESS',
    name: 'Basic openness',
    kind: PackageKind.VALUE_ADDED,
    dailyQuota: null,
    applicationChannel: ApplicationChannel.NONE,
    contactEmail: null,
    requiredMaterials: null,
    requiredFunction: null,
  },
  {
    code: 'TAOBAOKE',
    name: 'Taobaoke',
    kind: PackageKind.VALUE_ADDED,
    dailyQuota: null,
    applicationChannel: ApplicationChannel.NONE,
    contactEmail: null,
    requiredMaterials: null,
    requiredFunction: null,
  },
  {
    code: 'WANGWANG_CHAT_HISTORY',
    name: 'Wangwang chat history',
    kind: PackageKind.VALUE_ADDED,
    dailyQuota: null,
    applicationChannel: ApplicationChannel.ONLINE,
    contactEmail: 'wangwangseller@taobao.com',
    requiredMaterials: null,
    requiredFunction: 'PERFORMANCE_APPRAISAL',
  },
  {
    code: 'LOGISTICS_TREASURE',
    name: 'Logistics Treasure',
    kind: PackageKind.VALUE_ADDED,
    dailyQuota: null,
    applicationChannel: ApplicationChannel.EMAIL,
    contactEmail: 'zhaopei.yzj@taobao.com',
    requiredMaterials: [
      'Supply and demand information',
      'Product information',
      'Applying app name and appkey',
      'List of Logistics Treasure merchants already using the app, if any',
    ],
    requiredFunction: null,
  },
  {
    code: 'JUHUASUAN',
    name: 'Juhuasuan',
    kind: PackageKind.VALUE_ADDED,
    dailyQuota: null,
    applicationChannel: ApplicationChannel.EMAIL,
    contactEmail: 'baoyi@taobao.com',
    requiredMaterials: [
      'Business scenario description',
      'Website traffic',
      'Current transaction performance through your website',
      'Future development expectations',
      'Applying app name and appkey',
    ],
    requiredFunction: null,
  },
];

const CONTRACT_NOTE = 'Larger quotas are negotiated offline by contract; there is no online application.';
const UV_NOTE = 'Quota follows UV-based website permission traffic rules set by operators; there is no online application.';
const ladderTopRungs = ['TRAFFIC_2M', 'TRAFFIC_3M', 'TRAFFIC_4M', 'TRAFFIC_5M'];

const tag = (
  code: string,
  name: string,
  defaultOnlineQuota: number | null,
  trafficMode: TrafficMode,
  ladder: string[],
  defaults: string[],
  valueAdded: string[],
  trafficNote: string | null = null,
): TagSeed => ({
  code,
  name,
  devTestQuota: 5_000,
  defaultOnlineQuota,
  trafficMode,
  trafficNote,
  defaults,
  applicable: [...ladder, ...valueAdded],
});

/** DOMAIN §2.1, the reconstructed tag table. */
export const SEED_TAGS: TagSeed[] = [
  tag('MERCHANT_BACKEND', 'Merchant backend system', 100_000, TrafficMode.LADDER, ['TRAFFIC_500K', 'TRAFFIC_1M', ...ladderTopRungs], ['BASIC_OPENNESS'], ['WANGWANG_CHAT_HISTORY']),
  tag('ISV_BACKEND', 'Service-provider backend system', 100_000, TrafficMode.CONTRACT, [], ['BASIC_OPENNESS'], ['WANGWANG_CHAT_HISTORY'], CONTRACT_NOTE),
  tag('ONLINE_ORDERING', 'Online ordering application / Aliwangwang plug-in', 1_000_000, TrafficMode.LADDER, ladderTopRungs, ['BASIC_OPENNESS'], ['WANGWANG_CHAT_HISTORY']),
  tag('BUYER_APP', 'Buyer app', 1_000_000, TrafficMode.LADDER, ladderTopRungs, ['BASIC_OPENNESS', 'TAOBAOKE'], ['WANGWANG_CHAT_HISTORY']),
  tag('TAOBAOKE', 'Taobaoke', 20_000, TrafficMode.LADDER, ['TRAFFIC_100K', 'TRAFFIC_1M'], ['BASIC_OPENNESS', 'TAOBAOKE'], ['WANGWANG_CHAT_HISTORY']),
  tag('STORE_MODULE_FRONT', 'Store module, front-end key', 1_000_000, TrafficMode.CONTRACT, [], ['BASIC_OPENNESS'], ['WANGWANG_CHAT_HISTORY'], CONTRACT_NOTE),
  tag('STORE_MODULE_BACK', 'Store module, back-end key', 1_000_000, TrafficMode.LADDER, ladderTopRungs, ['BASIC_OPENNESS'], ['WANGWANG_CHAT_HISTORY']),
  tag('WIRELESS_BUYER', 'Wireless buyer application', null, TrafficMode.UV_BASED, [], ['BASIC_OPENNESS'], [], UV_NOTE),
  tag('XTAO_SITE', 'xTao cooperative website', null, TrafficMode.UV_BASED, [], ['BASIC_OPENNESS'], [], `${UV_NOTE} Adjusted monthly by transaction volume.`),
];

/** Logistics Treasure and Juhuasuan are applied for by email by any tag; they are not tied to a tag. */

export async function seedCatalog(em: EntityManager): Promise<void> {
  await em.createQueryBuilder().insert().into(PackageEntity).values(SEED_PACKAGES).orIgnore().execute();
  await em
    .createQueryBuilder()
    .insert()
    .into(TagEntity)
    .values(SEED_TAGS.map(({ defaults: _d, applicable: _a, ...row }) => row))
    .orIgnore()
    .execute();
  const links: Omit<TagPackageEntity, 'tag' | 'package'>[] = SEED_TAGS.flatMap((t) => [
    ...t.defaults.map((packageCode) => ({ tagCode: t.code, packageCode, role: TagPackageRole.DEFAULT })),
    ...t.applicable.map((packageCode) => ({ tagCode: t.code, packageCode, role: TagPackageRole.APPLICABLE })),
  ]);
  await em.createQueryBuilder().insert().into(TagPackageEntity).values(links).orIgnore().execute();
}

import { describe, expect, it } from 'vitest';
import { encodeBound } from './bounds.js';
import { describeManifest } from './describe-manifest.js';
import { writeManifest } from './manifest.js';
import { writeManifestList } from './manifest-list.js';
import { newTableMetadata } from './new-table-metadata.js';
import { createPartitionSpec } from './partition.js';
import { planScan } from './scan-plan.js';
import { createSchema } from './schema.js';
import type { DataFile, ManifestEntry, PartitionSpec, TableMetadata } from './types.js';

const schema = createSchema([
  { name: 'customer_id', type: 'long', required: true },
  { name: 'feature_date', type: 'date', required: true },
  { name: 'amount', type: 'double' },
]);
const monthly = createPartitionSpec([{ column: 'feature_date', transform: 'month' }], schema);
const unpartitioned: PartitionSpec = { specId: 1, fields: [] };
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

function dataFile(
  name: string,
  from: string,
  to: string,
  content: 0 | 1 | 2 = 0,
  partition = true,
): DataFile {
  const month =
    (new Date(`${from}T00:00:00Z`).getUTCFullYear() - 1970) * 12 +
    new Date(`${from}T00:00:00Z`).getUTCMonth();
  return {
    content,
    filePath: `mem://t/data/${name}.parquet`,
    fileFormat: 'PARQUET',
    partition: partition ? { feature_date_month: month } : {},
    recordCount: 10,
    fileSizeInBytes: 100,
    valueCounts: new Map([[2, 10]]),
    nullValueCounts: new Map([[2, 0]]),
    lowerBounds: new Map([[2, encodeBound('date', day(from))]]),
    upperBounds: new Map([[2, encodeBound('date', day(to))]]),
    ...(content === 2 ? { equalityIds: [1] } : {}),
  };
}

const added = (file: DataFile): ManifestEntry => ({
  status: 1,
  snapshotId: null,
  sequenceNumber: null,
  fileSequenceNumber: null,
  dataFile: file,
});

interface Commit {
  spec?: PartitionSpec;
  entries: ManifestEntry[];
}

/** Builds a table in memory: one snapshot per commit (fast appends of one manifest each). */
function buildTable(commits: Commit[][]) {
  const files = new Map<string, Uint8Array>();
  let metadata: TableMetadata = {
    ...newTableMetadata({ location: 'mem://t', schema, spec: monthly, tableUuid: 'u', nowMs: 0 }),
    partitionSpecs: [monthly, unpartitioned],
  };
  let manifests: ReturnType<typeof describeManifest>[] = [];
  commits.forEach((commit, i) => {
    const sequenceNumber = i + 1;
    const snapshotId = BigInt(100 + i);
    for (const [j, part] of commit.entries()) {
      const spec = part.spec ?? monthly;
      const bytes = writeManifest({ schema, spec, entries: part.entries });
      const manifestPath = `mem://t/metadata/m${i}-${j}.avro`;
      files.set(manifestPath, bytes);
      manifests = [
        describeManifest({
          manifestPath,
          manifestLength: bytes.length,
          schema,
          spec,
          entries: part.entries,
          snapshotId,
          sequenceNumber,
        }),
        ...manifests,
      ];
    }
    const manifestList = `mem://t/metadata/snap-${snapshotId}.avro`;
    files.set(manifestList, writeManifestList({ manifests, snapshotId, sequenceNumber }));
    metadata = {
      ...metadata,
      lastSequenceNumber: sequenceNumber,
      currentSnapshotId: snapshotId,
      refs: { main: { snapshotId, type: 'branch' } },
      snapshots: [
        ...metadata.snapshots,
        {
          snapshotId,
          sequenceNumber,
          timestampMs: 1000 * sequenceNumber,
          manifestList,
          summary: { operation: 'append' },
        },
      ],
      snapshotLog: [...metadata.snapshotLog, { snapshotId, timestampMs: 1000 * sequenceNumber }],
    };
  });
  const reads: string[] = [];
  const readFile = async (uri: string) => {
    reads.push(uri);
    const bytes = files.get(uri);
    if (!bytes) throw new Error(`missing ${uri}`);
    return bytes;
  };
  return { metadata, readFile, reads };
}

const names = (plan: Awaited<ReturnType<typeof planScan>>) =>
  plan.tasks
    .map(
      (t) =>
        `${short(t.dataFile.filePath)}@${t.dataSequenceNumber}[${t.deletes.map((d) => short(d.file.filePath))}]`,
    )
    .sort();
const short = (path: string) => /data\/(.*)\.parquet$/.exec(path)?.[1];

describe('planScan on tables we write', () => {
  it('prunes a months(feature_date) table by a date filter, skipping manifests and files', async () => {
    const { metadata, readFile, reads } = buildTable([
      [{ entries: [added(dataFile('aug', '2011-08-01', '2011-08-31'))] }],
      [
        {
          entries: [
            added(dataFile('sep-a', '2011-09-01', '2011-09-09')),
            added(dataFile('sep-b', '2011-09-05', '2011-09-30')),
          ],
        },
      ],
      [{ entries: [added(dataFile('oct', '2011-10-01', '2011-10-31'))] }],
    ]);
    const plan = await planScan({
      metadata,
      filter: {
        and: [
          { column: 'feature_date', op: '>=', value: new Date('2011-09-10T00:00:00Z') },
          { column: 'feature_date', op: '<=', value: new Date('2011-09-30T00:00:00Z') },
        ],
      },
      readFile,
    });
    expect(names(plan)).toEqual(['sep-b@2[]']);
    expect(plan.stats).toEqual({ manifestsTotal: 3, manifestsSkipped: 2, filesTotal: 4, filesSkipped: 3 });
    expect(reads).toEqual(['mem://t/metadata/snap-102.avro', 'mem://t/metadata/m1-0.avro']);
    const all = await planScan({ metadata, readFile });
    expect(names(all)).toEqual(['aug@1[]', 'oct@3[]', 'sep-a@2[]', 'sep-b@2[]']);
    const asOf = await planScan({ metadata, asOfTimestampMs: 2500, readFile });
    expect(names(asOf)).toEqual(['aug@1[]', 'sep-a@2[]', 'sep-b@2[]']);
  });

  it('applies v2 delete rules: position <= and equality < by sequence number, same partition, global unpartitioned', async () => {
    const { metadata, readFile } = buildTable([
      [
        {
          entries: [
            added(dataFile('d1', '2011-09-01', '2011-09-30')),
            added(dataFile('other', '2011-10-01', '2011-10-02')),
          ],
        },
      ],
      [
        {
          entries: [
            added(dataFile('d2', '2011-09-01', '2011-09-30')),
            added(dataFile('pos2', '2011-09-01', '2011-09-30', 1)),
            added(dataFile('eq2', '2011-09-01', '2011-09-30', 2)),
          ],
        },
      ],
      [
        {
          spec: unpartitioned,
          entries: [
            added(dataFile('geq3', '2011-01-01', '2011-12-31', 2, false)),
            added(dataFile('upos3', '2011-01-01', '2011-12-31', 1, false)),
          ],
        },
      ],
    ]);
    const plan = await planScan({ metadata, readFile });
    // pos2 (seq 2) hits d1 (seq 1) and d2 (seq 2); eq2 (seq 2) only d1; global eq geq3 hits all;
    // the unpartitioned position delete upos3 matches no partitioned data file.
    expect(names(plan)).toEqual(['d1@1[pos2,eq2,geq3]', 'd2@2[pos2,geq3]', 'other@1[geq3]']);
  });

  it('narrows position deletes by their file_path bounds and skips DELETED entries', async () => {
    const pos = dataFile('pos', '2011-09-01', '2011-09-30', 1);
    pos.lowerBounds?.set(2147483546, encodeBound('string', 'mem://t/data/b.parquet'));
    pos.upperBounds?.set(2147483546, encodeBound('string', 'mem://t/data/b.parquet'));
    const gone: ManifestEntry = {
      status: 2,
      snapshotId: 101n,
      sequenceNumber: 1,
      fileSequenceNumber: 1,
      dataFile: dataFile('c', '2011-09-01', '2011-09-30'),
    };
    const existing: ManifestEntry = {
      status: 0,
      snapshotId: 100n,
      sequenceNumber: 1,
      fileSequenceNumber: 1,
      dataFile: dataFile('a', '2011-09-01', '2011-09-30'),
    };
    const { metadata, readFile } = buildTable([
      [{ entries: [added(dataFile('unused', '2011-09-01', '2011-09-30'))] }],
      [{ entries: [existing, added(dataFile('b', '2011-09-01', '2011-09-30')), added(pos), gone] }],
    ]);
    const plan = await planScan({ metadata, snapshotId: 101n, readFile });
    expect(names(plan)).toEqual(['a@1[]', 'b@2[pos]', 'unused@1[]']);
  });
});

// DuckDB's side of bench/run, through npm's @duckdb/node-api (installed into bench/node_modules by bench/run).
//   node bench/duckdb.mjs classify IN.csv OUT.csv      bench/fasttrack.sql on IN.csv, written to OUT.csv
//   node bench/duckdb.mjs compare FTSTATUS.csv DUCKDB.csv
//       joins the two outputs on entitlement_id; prints "agree: N rows", or the rows that differ (exit 1)
//   node bench/duckdb.mjs version
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, version } from '@duckdb/node-api';

const here = dirname(fileURLToPath(import.meta.url));
const quoted = (text) => `'${text.replaceAll("'", "''")}'`;
const csv = (file) => `read_csv(${quoted(file)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)`;

async function connect() {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  return instance.connect();
}

async function classify(input, output) {
  const sql = readFileSync(join(here, 'fasttrack.sql'), 'utf8')
    .replaceAll(':input', quoted(input))
    .replaceAll(':output', quoted(output));
  const connection = await connect();
  await connection.run(sql);
}

async function compare(ftstatusFile, duckdbFile) {
  const connection = await connect();
  // A full join, so a row that only one output has counts as a disagreement too; ids are unique in bench data,
  // and a repeated one would show as more joined rows than either file has.
  await connection.run(`
    CREATE TABLE joined AS
    SELECT f.entitlement_id AS f_id, d.entitlement_id AS d_id,
           f.suggested_l1 AS f_l1, d.suggested_l1 AS d_l1, f.suggested_l2 AS f_l2, d.suggested_l2 AS d_l2,
           f.rule AS f_rule, d.rule AS d_rule, f.problems AS problems
    FROM ${csv(ftstatusFile)} f FULL OUTER JOIN ${csv(duckdbFile)} d ON f.entitlement_id = d.entitlement_id`);
  const count = async (sql) => Number((await connection.runAndReadAll(sql)).getRows()[0][0]);
  const ftstatusRows = await count(`SELECT count(*) FROM ${csv(ftstatusFile)}`);
  const duckdbRows = await count(`SELECT count(*) FROM ${csv(duckdbFile)}`);
  const differ = `f_id IS NULL OR d_id IS NULL OR f_l1 IS DISTINCT FROM d_l1 OR f_l2 IS DISTINCT FROM d_l2
                  OR f_rule IS DISTINCT FROM d_rule`;
  const disagreeing = await count(`SELECT count(*) FROM joined WHERE ${differ}`);
  const joinedRows = await count('SELECT count(*) FROM joined');
  if (disagreeing === 0 && joinedRows === ftstatusRows && joinedRows === duckdbRows) {
    console.log(`agree: ${joinedRows} rows`);
    return 0;
  }
  console.log(`DISAGREE: ${disagreeing} rows differ (ftstatus ${ftstatusRows} rows, DuckDB ${duckdbRows}, joined ${joinedRows})`);
  const first = await connection.runAndReadAll(
    `SELECT * FROM joined WHERE ${differ} ORDER BY try_cast(substr(coalesce(f_id, d_id), 2) AS BIGINT) LIMIT 10`);
  console.table(first.getRowObjectsJson());
  return 1;
}

const [command, ...files] = process.argv.slice(2);
if (command === 'classify' && files.length === 2) {
  await classify(files[0], files[1]);
} else if (command === 'compare' && files.length === 2) {
  process.exitCode = await compare(files[0], files[1]);
} else if (command === 'version') {
  console.log(version());
} else {
  console.error('usage: node bench/duckdb.mjs classify IN OUT | compare FTSTATUS_OUT DUCKDB_OUT | version');
  process.exitCode = 2;
}

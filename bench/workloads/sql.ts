/**
 * The Nexmark subset in Kappa's SQL (ksqlDB dialect), following performance.md §1.2. Sources are
 * declared over the pre-loaded topics; each workload is one CREATE STREAM/TABLE … AS SELECT whose
 * sink topic the harness reads back for the correctness check.
 */
export interface SourceTopics {
  readonly person: string;
  readonly auction: string;
  readonly bid: string;
  readonly side: string;
  readonly partitions: number;
}

export function sourceDdl(t: SourceTopics): string {
  return `
CREATE STREAM bid (auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
  dateTime BIGINT, extra STRING) WITH (kafka_topic='${t.bid}', format='JSON');
CREATE STREAM auction_s (id BIGINT KEY, itemName STRING, description STRING, initialBid BIGINT,
  reserve BIGINT, dateTime BIGINT, expires BIGINT, seller BIGINT, category INT, extra STRING)
  WITH (kafka_topic='${t.auction}', format='JSON');
CREATE TABLE auction_t (id BIGINT PRIMARY KEY, itemName STRING, description STRING, initialBid BIGINT,
  reserve BIGINT, dateTime BIGINT, expires BIGINT, seller BIGINT, category INT, extra STRING)
  WITH (kafka_topic='${t.auction}', format='JSON');
CREATE TABLE person_t (id BIGINT PRIMARY KEY, name STRING, emailAddress STRING, creditCard STRING,
  city STRING, state STRING, dateTime BIGINT, extra STRING)
  WITH (kafka_topic='${t.person}', format='JSON');
CREATE TABLE side_t (k BIGINT PRIMARY KEY, payload STRING) WITH (kafka_topic='${t.side}', format='JSON');
`;
}

/** The SELECT of each workload (the harness wraps it in CREATE … AS). */
export const QUERY_SQL = {
  q0: `SELECT auction, bidder, price, channel, url, dateTime, extra FROM bid`,
  q1: `SELECT auction, bidder, price * 0.908 AS price, dateTime, extra FROM bid`,
  q2: `SELECT auction, price FROM bid WHERE auction % 123 = 0`,
  q14: `SELECT auction, bidder, price * 0.908 AS price,
  CASE WHEN (dateTime / 3600000) % 24 >= 8 AND (dateTime / 3600000) % 24 <= 18 THEN 'dayTime'
       WHEN (dateTime / 3600000) % 24 <= 6 OR (dateTime / 3600000) % 24 >= 20 THEN 'nightTime'
       ELSE 'otherTime' END AS bidTimeType,
  dateTime, extra, LEN(extra) - LEN(REPLACE(extra, 'c', '')) AS c_counts
FROM bid WHERE price * 0.908 > 1000000 AND price * 0.908 < 50000000`,
  q21: `SELECT auction, bidder, price, channel,
  CASE WHEN LCASE(channel) = 'apple' THEN '0'
       WHEN LCASE(channel) = 'google' THEN '1'
       WHEN LCASE(channel) = 'facebook' THEN '2'
       WHEN LCASE(channel) = 'baidu' THEN '3'
       ELSE REGEXP_EXTRACT('(&|^)channel_id=([^&]*)', url, 2) END AS channel_id
FROM bid WHERE REGEXP_EXTRACT('(&|^)channel_id=([^&]*)', url, 2) IS NOT NULL
  OR LCASE(channel) IN ('apple', 'google', 'facebook', 'baidu')`,
  q22: `SELECT auction, bidder, price, channel,
  SPLIT(url, '/')[4] AS dir1, SPLIT(url, '/')[5] AS dir2, SPLIT(url, '/')[6] AS dir3
FROM bid`,
  q5: `SELECT auction, COUNT(*) AS num FROM bid
  WINDOW HOPPING (SIZE 10 SECONDS, ADVANCE BY 2 SECONDS) GROUP BY auction`,
  q7: `SELECT auction, MAX(price) AS maxprice FROM bid WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY auction`,
  q11: `SELECT bidder, COUNT(*) AS bid_count FROM bid WINDOW SESSION (10 SECONDS) GROUP BY bidder`,
  q12: `SELECT bidder, COUNT(*) AS bid_count FROM bid WINDOW TUMBLING (SIZE 10 SECONDS) GROUP BY bidder`,
  q17: `SELECT auction, TIMESTAMPTOSTRING(dateTime, 'yyyy-MM-dd', 'UTC') AS day,
  COUNT(*) AS total_bids,
  SUM(CASE WHEN price < 10000 THEN 1 ELSE 0 END) AS rank1_bids,
  SUM(CASE WHEN price >= 10000 AND price < 1000000 THEN 1 ELSE 0 END) AS rank2_bids,
  SUM(CASE WHEN price >= 1000000 THEN 1 ELSE 0 END) AS rank3_bids,
  MIN(price) AS min_price, MAX(price) AS max_price, AVG(price) AS avg_price, SUM(price) AS sum_price
FROM bid GROUP BY auction, TIMESTAMPTOSTRING(dateTime, 'yyyy-MM-dd', 'UTC')`,
  q18: `SELECT bidder, auction, LATEST_BY_OFFSET(price) AS price, LATEST_BY_OFFSET(channel) AS channel,
  LATEST_BY_OFFSET(dateTime) AS dateTime FROM bid GROUP BY bidder, auction`,
  q3: `SELECT A.seller AS seller, P.name AS name, P.city AS city, P.state AS state, A.id AS id FROM auction_s A
  JOIN person_t P ON A.seller = P.id
  WHERE A.category = 10 AND (P.state = 'OR' OR P.state = 'ID' OR P.state = 'CA')`,
  q13: `SELECT S.k AS k, B.auction AS auction, B.bidder AS bidder, B.price AS price, B.dateTime AS dateTime,
  S.payload AS payload FROM bid B JOIN side_t S ON B.auction % 10000 = S.k`,
  q20: `SELECT B.auction AS auction, B.bidder AS bidder, B.price AS price, B.channel AS channel,
  A.itemName AS itemName, A.initialBid AS initialBid, A.reserve AS reserve, A.seller AS seller,
  A.category AS category FROM bid B JOIN auction_t A ON B.auction = A.id WHERE A.category = 10`,
} as const;

export type QueryId = keyof typeof QUERY_SQL;

/** Aggregations produce tables; the rest streams. */
export function sinkKind(id: QueryId): 'STREAM' | 'TABLE' {
  return ['q5', 'q7', 'q11', 'q12', 'q17', 'q18'].includes(id) ? 'TABLE' : 'STREAM';
}

export function createAsSelect(id: QueryId, sink: string, sinkTopic: string, partitions: number): string {
  return `CREATE ${sinkKind(id)} ${sink} WITH (kafka_topic='${sinkTopic}', partitions=${partitions}) AS ${QUERY_SQL[id]};`;
}

// name: indicator_series
// purpose: One indicator (by its name or an alias) as a series: each metric with its reporting body and the body's jurisdiction, period, year, value (null when masked, never zero), unit, kind, document and evidence sentence.
// param: indicator = 查处违法案件
MATCH (m:Metric)-[:OF_INDICATOR]->(i:Indicator)
WHERE i.name = $indicator OR $indicator IN i.aliases
MATCH (d:Document)
WHERE d.name = m.doc
OPTIONAL MATCH (m)-[r:REPORTED_BY]->(b)
OPTIONAL MATCH (m)-[:MENTIONED_IN]->(s:Sentence)
// a division named by no document in the chain of m's document: the jurisdiction of the documents of that division
OPTIONAL MATCH (jd:Document)
WHERE b.scope STARTS WITH 'adcode:' AND jd.adcode IS NOT NULL AND jd.jurisdiction IS NOT NULL
  AND b.scope = 'adcode:' + jd.adcode
WITH i, m, d, b, r.how AS how, s.text AS sentence, min(jd.jurisdiction) AS named
RETURN i.name AS indicator,
       CASE
         WHEN b IS NULL THEN d.jurisdiction
         WHEN b.scope = 'national' THEN '全国'
         WHEN b.scope STARTS WITH 'doc:' THEN d.jurisdiction
         WHEN NOT (b.scope STARTS WITH 'adcode:') THEN null
         WHEN d.adcode IS NOT NULL AND d.jurisdiction IS NOT NULL AND b.scope = 'adcode:' + d.adcode
           THEN d.jurisdiction
         WHEN d.adcode IS NOT NULL AND d.city IS NOT NULL AND b.scope = 'adcode:' + left(d.adcode, 4) + '00'
           THEN d.city
         WHEN d.adcode IS NOT NULL AND d.province IS NOT NULL AND b.scope = 'adcode:' + left(d.adcode, 2) + '0000'
           THEN d.province
         ELSE coalesce(named, b.scope)
       END AS jurisdiction,
       b.name AS body, how, m.period AS period, m.year AS year,
       CASE WHEN m.masked THEN null ELSE m.value END AS value, m.unit AS unit, m.kind AS kind,
       m.direction AS direction, m.masked AS masked, m.doc AS document, m.start AS offset, sentence
ORDER BY year, period, body, jurisdiction, document, offset

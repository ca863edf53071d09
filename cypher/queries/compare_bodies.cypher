// name: compare_bodies
// purpose: The indicators two bodies both report, side by side by kind, year and period: each body's metrics, largest stated value and masked count.
// param: body_a = 英德市交通运输局
// param: body_b = 支队
MATCH (i:Indicator)<-[:OF_INDICATOR]-(:Metric)-[:REPORTED_BY]->(a)
WHERE a.name = $body_a OR $body_a IN a.aliases
WITH DISTINCT i
MATCH (i)<-[:OF_INDICATOR]-(:Metric)-[:REPORTED_BY]->(b)
WHERE b.name = $body_b OR $body_b IN b.aliases
WITH DISTINCT i
MATCH (i)<-[:OF_INDICATOR]-(m:Metric)-[:REPORTED_BY]->(x)
WHERE x.name = $body_a OR $body_a IN x.aliases OR x.name = $body_b OR $body_b IN x.aliases
WITH i, m, x.name = $body_a OR $body_a IN x.aliases AS on_a, x.name = $body_b OR $body_b IN x.aliases AS on_b
RETURN i.name AS indicator, i.unit AS unit, m.kind AS kind, m.year AS year, m.period AS period,
       count(CASE WHEN on_a THEN 1 END) AS a_metrics,
       max(CASE WHEN on_a AND NOT m.masked THEN m.value END) AS a_value,
       count(CASE WHEN on_a AND m.masked THEN 1 END) AS a_masked,
       count(CASE WHEN on_b THEN 1 END) AS b_metrics,
       max(CASE WHEN on_b AND NOT m.masked THEN m.value END) AS b_value,
       count(CASE WHEN on_b AND m.masked THEN 1 END) AS b_masked
ORDER BY indicator, unit, kind, year, period

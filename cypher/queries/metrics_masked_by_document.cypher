// name: metrics_masked_by_document
// purpose: Per document, how many reported numbers are masked (redacted) and how many are stated.
MATCH (d:Document)
OPTIONAL MATCH (m:Metric)
WHERE m.doc = d.name
RETURN d.name AS document, count(m) AS metrics,
       count(CASE WHEN m.masked THEN 1 END) AS masked,
       count(CASE WHEN NOT m.masked THEN 1 END) AS stated,
       count(m.value) AS with_value
ORDER BY document

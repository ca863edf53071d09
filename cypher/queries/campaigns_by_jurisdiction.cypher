// name: campaigns_by_jurisdiction
// purpose: Campaigns by the jurisdiction of the documents that mention them (jurisdiction empty: all; matches province, city or county).
// param: jurisdiction =
MATCH (c:Campaign)-[m:MENTIONED_IN]->(s:Sentence)
MATCH (d:Document)
WHERE d.name = s.doc
  AND ($jurisdiction = '' OR d.jurisdiction = $jurisdiction OR d.province = $jurisdiction
       OR d.city = $jurisdiction OR d.county = $jurisdiction)
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, coalesce(d.province, '') AS province,
       c.name AS campaign, c.scope AS scope, count(DISTINCT d.name) AS documents, count(m) AS mentions
ORDER BY jurisdiction, province, campaign, scope

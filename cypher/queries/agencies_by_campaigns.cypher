// name: agencies_by_campaigns
// purpose: Agencies ranked by the number of distinct campaigns they conduct (and the statements saying so).
// param: limit = 20
MATCH (a:Agency)-[r:CONDUCTS]->(c:Campaign)
RETURN a.name AS agency, a.scope AS scope, count(DISTINCT c.id) AS campaigns, count(r) AS statements,
       size(a.docs) AS documents
ORDER BY campaigns DESC, statements DESC, agency, scope
LIMIT $limit

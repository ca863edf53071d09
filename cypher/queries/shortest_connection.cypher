// name: shortest_connection
// purpose: The shortest connections between two agencies through any relation, mention or section (all of equal length, at most 6 hops).
// param: agency_a = 英德市交通运输局
// param: agency_b = 清远市交通运输局
// param: max_hops = 6
MATCH (a:Agency), (b:Agency)
WHERE (a.name = $agency_a OR $agency_a IN a.aliases) AND (b.name = $agency_b OR $agency_b IN b.aliases)
  AND a.id <> b.id
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE length(p) <= $max_hops
RETURN length(p) AS hops,
       reduce(s = '', n IN nodes(p) | s + CASE WHEN s = '' THEN '' ELSE ' > ' END + labels(n)[0] + ':' + coalesce(n.name, n.id)) AS path,
       reduce(s = '', r IN relationships(p) | s + CASE WHEN s = '' THEN '' ELSE ' > ' END + type(r)) AS relations
ORDER BY hops, path, relations

// shortest_connection for ladybug: SHORTEST path syntax, list functions instead of reduce().
MATCH (a:Agency), (b:Agency)
WHERE (a.name = $agency_a OR $agency_a IN a.aliases) AND (b.name = $agency_b OR $agency_b IN b.aliases)
  AND a.id <> b.id
MATCH p = (a)-[* ALL SHORTEST 1..6]-(b)
WHERE length(p) <= $max_hops
RETURN length(p) AS hops,
       list_to_string(' > ', list_transform(nodes(p), n -> label(n) + ':' + coalesce(n.name, n.id))) AS path,
       list_to_string(' > ', list_transform(rels(p), r -> label(r))) AS relations
ORDER BY hops, path, relations

// name: connected_initiatives
// purpose: Pairs of campaigns connected through a shared agency (both conducted by it) or a shared regulation (named in the same sentence as each).
// param: campaign =
MATCH (c1:Campaign)<-[:CONDUCTS]-(x:Agency|Organization)-[:CONDUCTS]->(c2:Campaign)
WHERE c1.id < c2.id
  AND ($campaign = '' OR c1.name = $campaign OR c2.name = $campaign OR $campaign IN c1.aliases OR $campaign IN c2.aliases)
RETURN c1.name AS campaign, c2.name AS other, x.type AS via, x.name AS through
UNION
MATCH (c1:Campaign)-[m1:MENTIONED_IN]->()<-[g1:MENTIONED_IN]-(x:Regulation),
      (c2:Campaign)-[m2:MENTIONED_IN]->()<-[g2:MENTIONED_IN]-(x)
WHERE c1.id < c2.id AND m1.doc = g1.doc AND m1.sentence = g1.sentence
  AND m2.doc = g2.doc AND m2.sentence = g2.sentence
  AND ($campaign = '' OR c1.name = $campaign OR c2.name = $campaign OR $campaign IN c1.aliases OR $campaign IN c2.aliases)
RETURN c1.name AS campaign, c2.name AS other, x.type AS via, x.name AS through

// name: connected_initiatives
// purpose: Pairs of campaigns connected through a shared agency (both conducted by it) or a shared regulation (named in the same sentence as each); campaign empty: all pairs.
// param: campaign = 安全生产专项整治三年行动
OPTIONAL MATCH (c1:Campaign)<-[:CONDUCTS]-(x:Agency|Organization)-[:CONDUCTS]->(c2:Campaign)
WHERE c1.id < c2.id
  AND ($campaign = '' OR c1.name = $campaign OR c2.name = $campaign OR $campaign IN c1.aliases OR $campaign IN c2.aliases)
WITH collect(DISTINCT {campaign: c1.name, other: c2.name, via: x.type, through: x.name}) AS by_agency
OPTIONAL MATCH (c1:Campaign)-[:MENTIONED_IN]->(:Sentence)<-[:MENTIONED_IN]-(x:Regulation),
               (c2:Campaign)-[:MENTIONED_IN]->(:Sentence)<-[:MENTIONED_IN]-(x)
WHERE c1.id < c2.id
  AND ($campaign = '' OR c1.name = $campaign OR c2.name = $campaign OR $campaign IN c1.aliases OR $campaign IN c2.aliases)
WITH by_agency, collect(DISTINCT {campaign: c1.name, other: c2.name, via: x.type, through: x.name}) AS by_regulation
UNWIND by_agency + by_regulation AS row
WITH DISTINCT row
WHERE row.campaign IS NOT NULL
RETURN row.campaign AS campaign, row.other AS other, row.via AS via, row.through AS through
ORDER BY campaign, other, via, through

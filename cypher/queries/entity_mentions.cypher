// name: entity_mentions
// purpose: Where an entity is mentioned: document, section and sentence of every mention.
// param: entity = 英德市交通运输局
MATCH (e)-[m:MENTIONED_IN]->(s:Sentence)-[:PART_OF]->(c)
WHERE e.name = $entity OR $entity IN e.aliases
RETURN coalesce(e.type, 'METRIC') AS type, e.name AS entity, s.doc AS document,
       CASE WHEN c.level IS NULL THEN '' ELSE c.name END AS section,
       m.start AS offset, m.text AS text, s.text AS sentence
ORDER BY document, offset, type, entity, text

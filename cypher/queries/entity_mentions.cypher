// name: entity_mentions
// purpose: Where an entity is mentioned: document, section and sentence of every mention.
// param: entity = 英德市交通运输局
MATCH (e)-[m:MENTIONED_IN]->(c)
WHERE e.name = $entity OR $entity IN e.aliases
RETURN e.label AS label, e.name AS entity, m.doc AS document,
       CASE WHEN c.label = 'Section' THEN c.name ELSE '' END AS section,
       m.start AS offset, m.text AS text, m.sentence AS sentence
ORDER BY document, offset, label, entity, text

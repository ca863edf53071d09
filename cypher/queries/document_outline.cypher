// name: document_outline
// purpose: The section outline of a document (by its file name), in reading order, with the entities each section mentions.
// param: document = 004_05378b4c232db4bf.txt
MATCH (s:Section)
WHERE s.doc = $document
OPTIONAL MATCH (e)-[:MENTIONED_IN]->(:Sentence)-[:PART_OF]->(s)
WHERE e.type IS NOT NULL
RETURN s.ordinal AS ordinal, s.level AS level, s.marker AS marker, s.title AS title,
       count(DISTINCT e.id) AS entities
ORDER BY ordinal

// name: co_mentioned_agencies
// purpose: Pairs of agencies named in the same sentence, with how many sentences and documents do so.
// param: min_sentences = 1
MATCH (a:Agency)-[:MENTIONED_IN]->(s:Sentence)<-[:MENTIONED_IN]-(b:Agency)
WHERE a.id < b.id
WITH a, b, count(DISTINCT s.id) AS sentences, count(DISTINCT s.doc) AS documents
WHERE sentences >= $min_sentences
RETURN a.name AS agency, b.name AS other, sentences, documents
ORDER BY sentences DESC, documents DESC, agency, other

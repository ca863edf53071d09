// name: co_mentioned_agencies
// purpose: Pairs of agencies named in the same sentence, with how many sentences and documents do so.
// param: min_sentences = 1
MATCH (a:Agency)-[m1:MENTIONED_IN]->(), (b:Agency)-[m2:MENTIONED_IN]->()
WHERE a.id < b.id AND m1.doc = m2.doc AND m1.sentence = m2.sentence
WITH a, b, count(DISTINCT m1.doc + '|' + m1.sentence) AS sentences, count(DISTINCT m1.doc) AS documents
WHERE sentences >= $min_sentences
RETURN a.name AS agency, b.name AS other, sentences, documents
ORDER BY sentences DESC, documents DESC, agency, other

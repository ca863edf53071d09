// name: campaigns_in_several_documents
// purpose: Campaigns that appear in at least min_docs documents, with those documents.
// param: min_docs = 2
MATCH (c:Campaign)
WHERE size(c.docs) >= $min_docs
RETURN c.name AS campaign, c.scope AS scope, size(c.docs) AS documents, c.mentions AS mentions,
       c.docs AS document_names
ORDER BY documents DESC, mentions DESC, campaign, scope

// name: regulations_by_agency
// purpose: Regulations, plans and notices an agency issues, with the sentence that says so.
// param: agency = 英德市交通运输局
MATCH (a:Agency)-[r:ISSUES]->(g:Regulation)
WHERE a.name = $agency OR $agency IN a.aliases
RETURN a.name AS agency, g.name AS regulation, r.trigger AS trigger, r.doc AS document,
       r.start AS offset, r.sentence AS evidence
ORDER BY regulation, document, offset, agency, trigger

// Read a kg GraphML or GEXF export with graphology's parsers and print the graph as JSON
// (graphology's serialization: nodes and edges with keys and attributes). Used by tests/test_exports.py.
//   node read.js graphml|gexf FILE
'use strict';
const fs = require('fs');
const {MultiDirectedGraph} = require('graphology');

const [format, file] = process.argv.slice(2);
const parser = format === 'gexf' ? require('graphology-gexf') : require('graphology-graphml');
const graph = parser.parse(MultiDirectedGraph, fs.readFileSync(file, 'utf8'));
process.stdout.write(JSON.stringify(graph.export()));

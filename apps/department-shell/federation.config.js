module.exports = require('../../tools/federation/federation-config')({ name: 'department-shell' });

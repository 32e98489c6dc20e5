// The one setting the page needs: its Worker is an ES module.
export default { worker: { format: 'es' } };

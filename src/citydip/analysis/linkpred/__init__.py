"""Link prediction over the twinning graph: features, the partner model, its evaluation."""

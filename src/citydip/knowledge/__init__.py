"""Knowledge: reconcile claims into facts and conflicts; resolve names to places."""

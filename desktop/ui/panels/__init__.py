"""One module per sidebar panel."""

"""The care app's pages, one module per section; `lists.ListPage` builds every list and its export."""

"""The geography with its verbanden: wijk list and detail, praktijk detail, the gebied overview of the
WSVs and the practices' inventory of first-line partners (URLs in the ``wijken`` namespace)."""

"""The exchange file (EXCHANGE.md, version 1): import and export of a whole data set.

`importer.import_exchange` reads a file into the database in one transaction and
`exporter.export_exchange` / `exporter.write_exchange_file` write the database out.
Nothing here imports Qt.
"""

// CSV and JSON values are their own small module (ResultFormats), shared with the sweep's record
// format without making the sweep depend on the reports; users of the reports get them too.
@_exported import ResultFormats

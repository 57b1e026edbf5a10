using CsvHelper;
using MiniExcelLibs;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>Writes a report table as CSV (semicolons, UTF-8 with BOM, as Dutch Excel expects) or as xlsx.</summary>
public static class ReportExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    public static byte[] ToCsv(ReportTable table)
    {
        using var stream = new MemoryStream();
        var options = CsvWriterOptions.Default with { Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(table.Headers.ToArray());
            foreach (var row in table.Rows) csv.WriteRecord(row.Select(c => c.Text).ToArray());
        }

        return stream.ToArray();
    }

    public static byte[] ToXlsx(ReportTable table)
    {
        var headers = UniqueHeaders(table.Headers);
        var rows = table.Rows.Select(row =>
        {
            var values = new Dictionary<string, object?>();
            for (var i = 0; i < headers.Count; i++) values[headers[i]] = i < row.Count ? row[i].Text : "";
            return values;
        }).ToList();
        if (rows.Count == 0) rows.Add(headers.ToDictionary(h => h, _ => (object?)""));
        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: SheetName(table.Caption));
        return stream.ToArray();
    }

    private static List<string> UniqueHeaders(IEnumerable<string> headers)
    {
        var seen = new HashSet<string>();
        return headers.Select(h =>
        {
            var name = h;
            for (var n = 2; !seen.Add(name); n++) name = $"{h} ({n})";
            return name;
        }).ToList();
    }

    private static string SheetName(string caption)
    {
        var clean = new string(caption.Where(c => c is not (':' or '\\' or '/' or '?' or '*' or '[' or ']')).ToArray()).Trim();
        return clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Tabel" : clean;
    }
}

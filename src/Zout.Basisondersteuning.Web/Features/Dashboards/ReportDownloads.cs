using Microsoft.AspNetCore.Mvc;

namespace Zout.Basisondersteuning.Web.Features.Dashboards;

/// <summary>
/// The one way a page made of report tables answers: the page itself, or with <c>?export=xlsx|csv&amp;tabel={id}</c>
/// one of its tables as a download, made from the same object in the same access scope.
/// </summary>
public static class ReportDownloads
{
    public static IActionResult PageOrDownload(this Controller controller, string view, IReportPage model, string? export, string? tabel)
    {
        if (export is null) return controller.View(view, model);
        var table = model.Tables.FirstOrDefault(t => t.Id == tabel);
        if (table is null) return controller.NotFound();
        var name = $"{model.FileName}-{table.Id}";
        return export switch
        {
            ReportExport.Csv => controller.File(ReportExport.ToCsv(table), "text/csv; charset=utf-8", $"{name}.csv"),
            ReportExport.Xlsx => controller.File(ReportExport.ToXlsx(table), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{name}.xlsx"),
            _ => controller.NotFound(),
        };
    }
}

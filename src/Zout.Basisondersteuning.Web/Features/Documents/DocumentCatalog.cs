using Zout.Basisondersteuning.Web.Infrastructure.Pdf;

namespace Zout.Basisondersteuning.Web.Features.Documents;

public enum DocumentKind
{
    SupportProfile,
    ParentReport,
    TeacherPoster,
    Finances,
    Agreements,
    ScanReport,
    Comparison,
    ConversationReport,
    DashboardHandout,
}

/// <summary>One kind of document of a school: its address segment, title, content partial and paper.</summary>
/// <param name="ExtraStylesheet">A stylesheet of wwwroot printed with documents.css (the dashboards' for a hand-out).</param>
public sealed record DocumentDefinition(DocumentKind Kind, string Slug, string Title, string ShortName, string Partial, PaperSize Paper, string Description, string? ExtraStylesheet = null);

/// <summary>The documents of a school: the SOP and the conversation reports (gespreksrapporten).</summary>
public static class DocumentCatalog
{
    public static readonly DocumentDefinition SupportProfile = new(DocumentKind.SupportProfile, "sop", "Schoolondersteuningsprofiel", "SOP",
        "~/Features/Documents/Content/_SupportProfile.cshtml", PaperSize.A4, "Wat de school aan ondersteuning biedt. Voor ouders; wordt gepubliceerd bij het vaststellen.");

    public static readonly DocumentDefinition ParentReport = new(DocumentKind.ParentReport, "ouderrapport", "Ouderrapport", "Ouderrapport",
        "~/Features/Documents/Content/_ParentReport.cshtml", PaperSize.A4, "Het SOP kort en in gewone taal, in hoogstens twee bladzijden. Openbaar zodra het SOP is gepubliceerd.");

    public static readonly IReadOnlyList<DocumentDefinition> All =
    [
        SupportProfile,
        ParentReport,
        new(DocumentKind.TeacherPoster, "leraarposter", "Leraarposter", "Leraarposter", "~/Features/Documents/Content/_TeacherPoster.cshtml", PaperSize.A3,
            "Eén A3-poster voor de teamkamer: onze afspraken, ons aanbod en wie je kunt vragen."),
        new(DocumentKind.Finances, "financien", "Financiën basisondersteuning", "Financien", "~/Features/Documents/Content/_Finances.cshtml", PaperSize.A4,
            "Het budget voor basisondersteuning en hoe het is besteed."),
        new(DocumentKind.Agreements, "afspraken", "Afspraken basisondersteuning", "Afspraken", "~/Features/Documents/Content/_Agreements.cshtml", PaperSize.A4,
            "De eigen scores op de afspraken, met die van vorig jaar."),
        new(DocumentKind.ScanReport, "scanrapport", "Scanrapport", "Scanrapport", "~/Features/Documents/Content/_ScanReport.cshtml", PaperSize.A4,
            "Domeinen en aspecten, verandercapaciteit en ontwikkelpunten."),
    ];

    /// <summary>Per board, not per school: the board's schools side by side.</summary>
    public static readonly DocumentDefinition Comparison = new(DocumentKind.Comparison, "vergelijkingsrapport", "Vergelijkingsrapport", "Vergelijkingsrapport",
        "~/Features/Documents/Content/_Comparison.cshtml", PaperSize.A4, "De scholen van een bestuur naast elkaar, voor het startgesprek.");

    /// <summary>Per conversation, not per school year: the gespreksverslag of Team Basisondersteuning (issue 11).</summary>
    public static readonly DocumentDefinition ConversationReport = new(DocumentKind.ConversationReport, "gespreksverslag", "Gespreksverslag", "Gespreksverslag",
        "~/Features/Documents/Content/_ConversationReport.cshtml", PaperSize.A4, "Het verslag van een gesprek van Team Basisondersteuning met de school, met de afspraken.");
    /// <summary>
    /// A dashboard (school, board or partnership) with its filters as a hand-out for a meeting: the dashboard's own
    /// sections, tables and charts, on A4 landscape because its tables are wide.
    /// </summary>
    public static readonly DocumentDefinition DashboardHandout = new(DocumentKind.DashboardHandout, "dashboard", "Dashboard", "Dashboard",
        "~/Features/Documents/Content/_DashboardHandout.cshtml", PaperSize.A4Landscape, "Een dashboard als hand-out, met de filters waarmee het werd gemaakt.",
        ExtraStylesheet: "css/dashboards.css");

    public static DocumentDefinition? BySlug(string? slug) => All.FirstOrDefault(d => string.Equals(d.Slug, slug, StringComparison.OrdinalIgnoreCase));
}

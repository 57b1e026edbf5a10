namespace Zout.Basisondersteuning.Web.Domain.Scans;

public static class ScanRules
{
    /// <summary>For a user who may not edit at all: no reason of the scan's own applies.</summary>
    public const string NotEditable = "Deze scan kan niet meer worden gewijzigd.";

    /// <summary>
    /// A scan can be edited while it is a concept (or not started), inside the year's scan window or
    /// until the date an admin opened it for this one school, and never in a closed year.
    /// </summary>
    public static bool IsEditable(Scan? scan, SchoolYear year, DateOnly today) =>
        (scan is null || scan.Status is ScanStatus.NotStarted or ScanStatus.Concept)
        && !year.IsClosed
        && (year.IsScanWindowOpen(today) || (scan?.EditableUntil is { } until && today <= until));

    /// <summary>Why a scan cannot be edited, in words for the school; null when it can.</summary>
    public static string? WhyReadOnly(Scan? scan, SchoolYear year, DateOnly today)
    {
        if (IsEditable(scan, year, today)) return null;
        if (year.IsClosed) return $"Het schooljaar {year.Name} is afgesloten. De scan is alleen nog te lezen.";
        if (scan?.Status == ScanStatus.Submitted) return "De scan is ingediend en wacht op vaststelling door de directeur. Om nog iets te wijzigen moet de scan eerst worden heropend.";
        if (scan?.Status == ScanStatus.Adopted) return "De scan is vastgesteld. Om nog iets te wijzigen moet de scan eerst worden heropend, met een reden.";
        if (year.ScanOpensOn is null) return "De scanperiode voor dit schooljaar is nog niet vastgesteld door het samenwerkingsverband.";
        if (today < year.ScanOpensOn) return $"De scan kan worden ingevuld vanaf {year.ScanOpensOn:d MMMM yyyy}.";
        return $"De scanperiode is gesloten op {year.ScanClosesOn:d MMMM yyyy}. Vraag het samenwerkingsverband om de scan voor uw school open te zetten als u nog iets wilt wijzigen.";
    }
}

using Zout.Basisondersteuning.Web.Infrastructure;

namespace Zout.Basisondersteuning.Web.Features.Dashboards.Attention;

/// <summary>Scans not submitted while the scan window closes soon, or closed a short while ago.</summary>
public static class ScanDeadlineRule
{
    public const string Id = "scan-deadline";

    /// <summary>From two weeks before the window closes ...</summary>
    public const int DaysBefore = 14;

    /// <summary>... until a month after it closed (after that the year is history, not news).</summary>
    public const int DaysAfter = 30;

    public static IEnumerable<AttentionItem> Evaluate(AttentionContext context)
    {
        if (context.Year.ScanClosesOn is not { } closes) yield break;
        var days = closes.DayNumber - context.Today.DayNumber;
        if (days > DaysBefore || days < -DaysAfter) yield break;

        var open = context.Schools.Count(s => context.Current.GetValueOrDefault(s.Id) is not { IsFinal: true });
        if (open == 0) yield break;
        var when = days switch
        {
            0 => $"de scan sluit vandaag ({DutchCalendar.Format(closes)})",
            1 => $"de scan sluit morgen ({DutchCalendar.Format(closes)})",
            > 0 => $"de scan sluit over {days} dagen, op {DutchCalendar.Format(closes)}",
            _ => $"de scan is gesloten op {DutchCalendar.Format(closes)}",
        };
        if (context.IsSchool)
        {
            yield return new AttentionItem(Id, $"Uw scan {context.Year.Name} is nog niet ingediend; {when}.", context.ScanUrl ?? context.Link("#scan", null));
            yield break;
        }

        var schools = open == 1 ? "1 school heeft haar" : $"{ReportFormat.Count(open)} van de {ReportFormat.Count(context.Schools.Count)} scholen hebben hun";
        yield return new AttentionItem(Id, $"{schools} scan {context.Year.Name} nog niet ingediend; {when}.", context.Link("#voltooiing", null));
    }
}

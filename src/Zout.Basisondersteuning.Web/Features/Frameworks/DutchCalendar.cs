namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>"Today" as the partnership sees it: the date in the Netherlands, whatever the server's time zone.</summary>
public static class DutchCalendar
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone).DateTime);

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", Infrastructure.PortalSetup.Dutch);

    public static string Format(DateOnly? date, string none = "-") => date is { } d ? Format(d) : none;

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // A container without time zone data: the server's own date is close enough.
            return TimeZoneInfo.Local;
        }
    }
}

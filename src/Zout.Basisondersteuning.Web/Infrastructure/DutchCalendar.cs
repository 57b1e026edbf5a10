

namespace Zout.Basisondersteuning.Web.Infrastructure;

/// <summary>Dates as the partnership reads them; "today" comes from <see cref="DutchTime"/>.</summary>
public static class DutchCalendar
{
    public static DateOnly Today(TimeProvider time) => time.Today();

    public static string Format(DateOnly date) => date.ToString("d MMMM yyyy", PortalSetup.Dutch);

    public static string Format(DateOnly? date, string none = "-") => date is { } d ? Format(d) : none;
}

namespace Zout.Basisondersteuning.Web.Infrastructure;

/// <summary>Dates as Dutch schools see them: in the Europe/Amsterdam time zone.</summary>
public static class DutchTime
{
    private static readonly TimeZoneInfo Zone = FindZone();

    public static DateTimeOffset Now(this TimeProvider time) => TimeZoneInfo.ConvertTime(time.GetUtcNow(), Zone);

    public static DateOnly Today(this TimeProvider time) => DateOnly.FromDateTime(time.Now().DateTime);

    public static DateTimeOffset ToDutch(this DateTimeOffset value) => TimeZoneInfo.ConvertTime(value, Zone);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Local;
        }
    }
}

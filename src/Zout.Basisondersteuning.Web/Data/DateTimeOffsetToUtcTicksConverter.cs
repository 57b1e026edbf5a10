using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Zout.Basisondersteuning.Web.Data;

/// <summary>Stores a <see cref="DateTimeOffset"/> as UTC ticks so SQLite can sort and compare it.</summary>
public sealed class DateTimeOffsetToUtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));

/// <summary>Stores a decimal amount as whole hundredths so SQLite can sum and compare it exactly.</summary>
public sealed class DecimalToHundredthsConverter()
    : ValueConverter<decimal, long>(
        value => (long)Math.Round(value * 100m, MidpointRounding.AwayFromZero),
        hundredths => hundredths / 100m);

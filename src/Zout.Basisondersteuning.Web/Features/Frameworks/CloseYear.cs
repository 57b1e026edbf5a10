using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;

namespace Zout.Basisondersteuning.Web.Features.Frameworks;

/// <summary>Closes a school year (it becomes history: nothing in it changes) or reopens it after a mistake.</summary>
public static class CloseYear
{
    public sealed class Input
    {
        public bool Close { get; set; }
    }

    public sealed class Handler(AppDbContext db, ILogger<Handler> logger)
    {
        /// <summary>Returns the year's name, or null when there is no such year.</summary>
        public async Task<string?> HandleAsync(string yearName, Input input, CancellationToken cancellationToken)
        {
            if (!SchoolYear.TryParseName(yearName, out var startYear)) return null;
            var year = await db.SchoolYears.SingleOrDefaultAsync(y => y.StartYear == startYear, cancellationToken);
            if (year is null) return null;
            year.IsClosed = input.Close;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("School year {Year} {Action}", year.Name, input.Close ? "closed" : "reopened");
            return year.Name;
        }
    }
}

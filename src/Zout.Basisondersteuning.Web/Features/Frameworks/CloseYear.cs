using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

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
        public async Task<Result> HandleAsync(string yearName, Input input, CancellationToken cancellationToken)
        {
            if (!SchoolYear.TryParseName(yearName, out var startYear)) return Result.NotFound();
            var year = await db.SchoolYears.SingleOrDefaultAsync(y => y.StartYear == startYear, cancellationToken);
            if (year is null) return Result.NotFound();
            year.IsClosed = input.Close;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("School year {Year} {Action}", year.Name, input.Close ? "closed" : "reopened");
            return Result.Ok(year.Id);
        }
    }
}

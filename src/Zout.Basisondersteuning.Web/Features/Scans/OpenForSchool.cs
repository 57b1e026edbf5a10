using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>The admin opens the scan of one school for editing outside the scan window, until a date.</summary>
public static class OpenForSchool
{
    public sealed class Input
    {
        public DateOnly? EditableUntil { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(TimeProvider time)
        {
            RuleFor(x => x.EditableUntil).NotNull().WithMessage("Kies tot wanneer de school de scan kan bewerken.")
                .Must(d => d >= time.Today()).WithMessage("Kies een datum vanaf vandaag.");
        }
    }

    public sealed class Handler(AppDbContext db, ScanFactory factory, TimeProvider time, IHttpContextAccessor httpContextAccessor)
    {
        public async Task<Result> HandleAsync(ScanContext context, Input input, CancellationToken cancellationToken)
        {
            if (!context.Permissions.Contains(SchoolPermission.Administer)) return Result.Refused("Alleen de beheerder kan de scan voor één school openzetten.");
            if (context.Year.IsClosed) return Result.Refused("Dit schooljaar is afgesloten.");
            var scan = context.Scan is null
                ? await factory.StartAsync(context.SchoolId, context.Year, context.Framework, cancellationToken)
                : await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            scan.EditableUntil = input.EditableUntil;
            db.ScanAuditEntries.Add(new ScanAuditEntry
            {
                ScanId = scan.Id,
                ItemKey = "scan",
                Field = "EditableUntil",
                NewValue = input.EditableUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                At = time.GetUtcNow(),
                By = httpContextAccessor.HttpContext?.User.Identity?.Name ?? "onbekend",
            });
            await db.SaveChangesAsync(cancellationToken);
            return Result.Ok(scan.Id, scan.Version);
        }
    }
}

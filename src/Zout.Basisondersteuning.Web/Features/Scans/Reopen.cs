using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain.Scans;
using Zout.Basisondersteuning.Web.Infrastructure.Authorization;
using Zout.Basisondersteuning.Web.Infrastructure.Results;
namespace Zout.Basisondersteuning.Web.Features.Scans;

/// <summary>Ingediend or Vastgesteld -> Concept, with a reason: by the directeur or the partnership's admin.</summary>
public static class Reopen
{
    public const int ReasonMaxLength = 2000;

    public sealed class Input
    {
        public int Version { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage("Geef aan waarom de scan wordt heropend.")
                .MaximumLength(ReasonMaxLength).WithMessage($"De reden mag hoogstens {ReasonMaxLength} tekens zijn.");
        }
    }

    public sealed class Handler(AppDbContext db, ScanTransitions transitions)
    {
        public async Task<Result> HandleAsync(ScanContext context, Input input, CancellationToken cancellationToken)
        {
            if (!context.Permissions.Contains(SchoolPermission.Reopen)) return Result.Refused("Alleen de directeur van de school of de beheerder kan de scan heropenen.");
            if (context.Scan?.Status is not (ScanStatus.Submitted or ScanStatus.Adopted)) return Result.Refused("Alleen een ingediende of vastgestelde scan kan worden heropend.");
            if (context.Year.IsClosed) return Result.Refused("Dit schooljaar is afgesloten.");
            var scan = await db.Scans.SingleAsync(s => s.Id == context.Scan.Id, cancellationToken);
            if (scan.Version != input.Version) return Result.Conflict(ScanTransitions.ChangedMeanwhile);
            return await transitions.MoveAsync(scan, ScanStatus.Concept, input.Reason!.Trim(), cancellationToken)
                ? Result.Ok(scan.Id, scan.Version)
                : Result.Conflict(ScanTransitions.ChangedMeanwhile);
        }
    }
}

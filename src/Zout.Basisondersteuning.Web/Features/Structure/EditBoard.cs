using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Zout.Basisondersteuning.Web.Data;
using Zout.Basisondersteuning.Web.Domain;
using Zout.Basisondersteuning.Web.Domain.Administration;
using Zout.Basisondersteuning.Web.Infrastructure.Auditing;
using Zout.Basisondersteuning.Web.Infrastructure.Results;

namespace Zout.Basisondersteuning.Web.Features.Structure;

/// <summary>Create or edit a school board (bevoegd gezag); deactivate instead of delete.</summary>
public static class EditBoard
{
    public sealed class Input
    {
        public string? BoardNumber { get; set; }
        public string? Name { get; set; }
        public bool IsActive { get; set; } = true;
        public long Version { get; set; }
    }

    public sealed record Model(int? Id, Input Input, int SchoolCount);

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator()
        {
            RuleFor(x => x.BoardNumber).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage("Vul het bestuursnummer (bevoegd gezag nummer van DUO) in.")
                .Must(n => n!.Trim().Length <= Board.BoardNumberMaxLength && n.Trim().All(char.IsAsciiDigit))
                .WithMessage($"Het bestuursnummer bestaat uit hoogstens {Board.BoardNumberMaxLength} cijfers, zoals 41234.");
            RuleFor(x => x.Name).NotEmpty().WithMessage("Vul de naam van het bestuur in.")
                .MaximumLength(Board.NameMaxLength).WithMessage($"De naam mag hoogstens {Board.NameMaxLength} tekens lang zijn.");
        }
    }

    public sealed class Handler(AppDbContext db, AuditLog auditLog)
    {
        public async Task<Model?> GetAsync(int id, CancellationToken cancellationToken) =>
            await db.Boards.AsNoTracking().Where(b => b.Id == id)
                .Select(b => new Model(b.Id, new Input { BoardNumber = b.BoardNumber, Name = b.Name, IsActive = b.IsActive, Version = b.UpdatedAt.UtcTicks }, b.Schools.Count))
                .SingleOrDefaultAsync(cancellationToken);

        public async Task<Result> SaveAsync(int? id, Input input, CancellationToken cancellationToken)
        {
            var number = input.BoardNumber!.Trim();
            if (await db.Boards.AnyAsync(b => b.BoardNumber == number && b.Id != (id ?? 0), cancellationToken))
            {
                return Result.Invalid(nameof(Input.BoardNumber), "Er is al een bestuur met dit bestuursnummer.");
            }

            Board board;
            if (id is null)
            {
                board = new Board { BoardNumber = number, Name = input.Name!.Trim() };
                db.Boards.Add(board);
            }
            else
            {
                if (await db.Boards.SingleOrDefaultAsync(b => b.Id == id, cancellationToken) is not { } stored) return Result.NotFound();
                board = stored;
                if (board.UpdatedAt.UtcTicks != input.Version) return Result.Conflict(StructureForms.ConflictMessage);
                db.Entry(board).Property(b => b.UpdatedAt).OriginalValue = new DateTimeOffset(input.Version, TimeSpan.Zero);
            }

            board.BoardNumber = number;
            board.Name = input.Name!.Trim();
            board.IsActive = input.IsActive;
            auditLog.Add(AuditActions.StructureChanged, id is null ? $"Bestuur {board.Name} aangemaakt." : $"Bestuur {board.Name} gewijzigd{(input.IsActive ? "" : " (niet actief)")}.", subject: number);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Result.Conflict(StructureForms.ConflictMessage);
            }

            return Result.Ok(board.Id);
        }
    }
}

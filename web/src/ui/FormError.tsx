/** The server's message next to the form that failed, announced at once. */
export function FormError({ message }: { message: string }) {
  return (
    <div role="alert" className="form-error-slot">
      {message && <p className="form-error">{message}</p>}
    </div>
  );
}

package id.pantauspm.catalogue;

/** The catalogue in indicators/ cannot be used; the message names the file and what to fix. */
public class CatalogueException extends RuntimeException {

    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}

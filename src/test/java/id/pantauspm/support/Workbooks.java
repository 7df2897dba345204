package id.pantauspm.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.function.Consumer;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks written by Apache POI for tests, as bytes: plain, and password-protected the way Office does it. */
public final class Workbooks {

    private Workbooks() {
    }

    public static byte[] xlsx(Consumer<XSSFWorkbook> fill) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill.accept(wb);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] xls(Consumer<HSSFWorkbook> fill) {
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            fill.accept(wb);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Workbook wb) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        wb.write(out);
        return out.toByteArray();
    }

    /** An xlsx encrypted with a password as Excel does (agile encryption): an OLE2 file holding EncryptionInfo. */
    public static byte[] encryptXlsx(byte[] xlsx, String password) {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor encryptor = info.getEncryptor();
            encryptor.confirmPassword(password);
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(xlsx);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An xls protected with a password to open (RC4 CryptoAPI, as Excel 2003 and later write it). */
    public static byte[] encryptedXls(String password, Consumer<HSSFWorkbook> fill) {
        Biff8EncryptionKey.setCurrentUserPassword(password);
        try (HSSFWorkbook wb = new HSSFWorkbook()) {
            fill.accept(wb);
            return bytes(wb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
    }
}

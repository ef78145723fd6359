// Applies Lucene's MappingCharFilter, configured by MappingCharFilterFactory
// from the mapping file named on the command line (the file `arnorm export
// --format lucene-mapping` writes), to every line of standard input: the
// reference for the export parity test in tests/test_export.py.
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.charfilter.MappingCharFilterFactory;
import org.apache.lucene.analysis.util.FilesystemResourceLoader;
import org.apache.lucene.util.ClasspathResourceLoader;

public class LuceneMapping {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]).toAbsolutePath();
        Map<String, String> options = new HashMap<>();
        options.put("mapping", file.getFileName().toString());
        MappingCharFilterFactory factory = new MappingCharFilterFactory(options);
        factory.inform(new FilesystemResourceLoader(file.getParent(), new ClasspathResourceLoader(LuceneMapping.class)));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        char[] buffer = new char[8192];
        while ((line = in.readLine()) != null) {
            Reader filtered = factory.create(new StringReader(line));
            StringBuilder result = new StringBuilder();
            int n;
            while ((n = filtered.read(buffer)) > 0) {
                result.append(buffer, 0, n);
            }
            out.println(result);
        }
        out.flush();
    }
}

// Reads one word per line on standard input and writes, tab-separated, what
// Lucene's ArabicNormalizer and then ArabicStemmer make of it: the reference
// for tests/test_lucene_parity.py.  Needs Lucene's analysis-common classes on
// the class path (pyserini's Anserini fat jar carries Lucene 9.9).
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;

public class LuceneArabic {
    public static void main(String[] args) throws Exception {
        ArabicNormalizer normalizer = new ArabicNormalizer();
        ArabicStemmer stemmer = new ArabicStemmer();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            char[] buffer = line.toCharArray();
            int length = normalizer.normalize(buffer, buffer.length);
            String normalized = new String(buffer, 0, length);
            length = stemmer.stem(buffer, length);
            out.println(normalized + "\t" + new String(buffer, 0, length));
        }
        out.flush();
    }
}

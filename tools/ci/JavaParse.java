import com.sun.source.util.JavacTask;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Parses Java source files (syntax only: no classpath, no symbol resolution) and fails on
 * any syntax error. Used by tools/ci/check-languages.sh on jsii-pacmak's generated Java,
 * whose dependencies (aws-cdk-lib for Java, the jsii runtime) live on Maven Central.
 * Run with the JDK's source launcher: java tools/ci/JavaParse.java FILE...
 */
public class JavaParse {
  public static void main(String[] args) throws Exception {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, null);
    List<File> sources = new ArrayList<>();
    for (String arg : args) {
      sources.add(new File(arg));
    }
    JavacTask task = (JavacTask) compiler.getTask(null, files, diagnostics, List.of("-proc:none"), null,
        files.getJavaFileObjectsFromFiles(sources));
    task.parse();
    int errors = 0;
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() == Diagnostic.Kind.ERROR) {
        errors++;
        System.err.println(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null));
      }
    }
    System.exit(errors == 0 ? 0 : 1);
  }
}
